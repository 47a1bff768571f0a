import { Component, computed, input } from '@angular/core';
import { ImportProblem } from '@kunna/contracts';
import { ScrollRegion } from '../core/scroll-region';
import { TranslatePipe } from '../i18n/i18n';

interface ProblemGroup {
  code: string;
  example: string;
  count: number;
}

/** A test run's problems: how many lines, grouped by kind (most common first), then every problem by line and column. */
@Component({
  selector: 'k-import-problems',
  imports: [ScrollRegion, TranslatePipe],
  templateUrl: './import-problems.html',
  styleUrl: './import-page.css',
})
export class ImportProblemsView {
  readonly problems = input.required<ImportProblem[]>();

  protected readonly problemGroups = computed<ProblemGroup[]>(() => {
    const groups = new Map<string, ProblemGroup>();
    for (const problem of this.problems()) {
      const group = groups.get(problem.code) ?? { code: problem.code, example: problem.message, count: 0 };
      group.count++;
      groups.set(problem.code, group);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count);
  });
  protected readonly problemLines = computed(() => new Set(this.problems().map((problem) => problem.line)).size);
}
