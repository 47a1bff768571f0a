import { Component, inject, signal } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PersonSummary } from '@kunna/contracts';
import { remote } from '../core/remote';
import { Problem, problemKey, problemOf } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { PeopleApi } from '../people/people-api';

const PAGE_SIZE = 50;

interface Results {
  items: PersonSummary[];
  total: number;
}

/** Administrators find people, see who has an account, and go on to roles, codes and disabling on the person page. */
@Component({
  selector: 'k-users-page',
  imports: [ScrollRegion, FormsModule, TranslatePipe, RouterLink],
  templateUrl: './users-page.html',
})
export class UsersPage {
  private readonly people = inject(PeopleApi);
  protected readonly problemKey = problemKey;
  protected query = '';
  protected includeEnded = false;
  /** The search the results belong to (the field may have changed since). */
  protected readonly searched = signal({ q: '', includeEnded: false });
  /** The first page of each search (a new object each time, so searching again fetches again). */
  protected readonly results = remote<{ q: string; includeEnded: boolean }, Results>({
    params: this.searched,
    load: ({ q, includeEnded }) => this.people.list({ q: q || undefined, includeEnded: includeEnded || undefined, limit: PAGE_SIZE, offset: 0 }),
  });
  protected readonly moreBusy = signal(false);
  /** A failed "more": the rows already shown stay. */
  protected readonly moreProblem = signal<Problem | null>(null);

  protected search(): void {
    this.moreProblem.set(null);
    this.searched.set({ q: this.query.trim(), includeEnded: this.includeEnded });
  }

  protected async more(): Promise<void> {
    const current = this.results.value();
    if (!current) return;
    this.moreBusy.set(true);
    this.moreProblem.set(null);
    const { q, includeEnded } = this.searched();
    try {
      const page = await this.people.list({ q: q || undefined, includeEnded: includeEnded || undefined, limit: PAGE_SIZE, offset: current.items.length });
      this.results.set({ items: [...current.items, ...page.items], total: page.total });
    } catch (error) {
      this.moreProblem.set(problemOf(error));
    } finally {
      this.moreBusy.set(false);
    }
  }

  protected units(person: PersonSummary): string {
    return (person.units ?? []).map((unit) => unit.name).join(', ');
  }
}
