import { Component, input } from '@angular/core';
import { ImportCounts } from '@kunna/contracts';
import { NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';

/** The five import figures, as a definition list (planned in a dry run, done after a run). */
@Component({
  selector: 'k-import-counts',
  imports: [TranslatePipe, NumberFormatPipe],
  template: `
    <dl class="stats">
      <div>
        <dt>{{ (planned() ? 'imports.counts.toCreate' : 'imports.counts.created') | t }}</dt>
        <dd>{{ counts().created | kNumber }}</dd>
      </div>
      <div>
        <dt>{{ (planned() ? 'imports.counts.toUpdate' : 'imports.counts.updated') | t }}</dt>
        <dd>{{ counts().updated | kNumber }}</dd>
      </div>
      <div>
        <dt>{{ 'imports.counts.unchanged' | t }}</dt>
        <dd>{{ counts().unchanged | kNumber }}</dd>
      </div>
      <div>
        <dt>{{ (planned() ? 'imports.counts.toEnd' : 'imports.counts.ended') | t }}</dt>
        <dd>{{ counts().ended | kNumber }}</dd>
      </div>
      <div>
        <dt>{{ (planned() ? 'imports.counts.unitsToCreate' : 'imports.counts.unitsCreated') | t }}</dt>
        <dd>{{ counts().unitsCreated | kNumber }}</dd>
      </div>
    </dl>
  `,
})
export class ImportCountsView {
  readonly counts = input.required<ImportCounts>();
  readonly planned = input(false);
}
