import { Component, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PersonSummary } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { problemKey } from '../core/problem';
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
  changeDetection: ChangeDetectionStrategy.Eager,
  templateUrl: './users-page.html',
})
export class UsersPage {
  private readonly people = inject(PeopleApi);
  protected readonly results = new Loader<Results>();
  protected readonly problemKey = problemKey;
  protected query = '';
  protected includeEnded = false;
  /** The search the results belong to (the field may have changed since). */
  protected readonly searched = signal({ q: '', includeEnded: false });
  protected readonly moreBusy = signal(false);

  constructor() {
    void this.search();
  }

  protected search(): Promise<Results | undefined> {
    const q = this.query.trim();
    const includeEnded = this.includeEnded;
    this.searched.set({ q, includeEnded });
    return this.results.run(() => this.people.list({ q: q || undefined, includeEnded: includeEnded || undefined, limit: PAGE_SIZE, offset: 0 }));
  }

  protected async more(): Promise<void> {
    const current = this.results.value();
    if (!current) return;
    this.moreBusy.set(true);
    const { q, includeEnded } = this.searched();
    await this.results.run(async () => {
      const page = await this.people.list({ q: q || undefined, includeEnded: includeEnded || undefined, limit: PAGE_SIZE, offset: current.items.length });
      return { items: [...current.items, ...page.items], total: page.total };
    });
    this.moreBusy.set(false);
  }

  protected units(person: PersonSummary): string {
    return (person.units ?? []).map((unit) => unit.name).join(', ');
  }
}
