import { Component, computed, inject, input, model, output } from '@angular/core';
import { ProgramAssignment, SessionAudience, UnitDetail } from '@kunna/contracts';
import { fieldMessage, Problem } from '../core/problem';
import { Session } from '../core/session';
import { TranslatePipe } from '../i18n/i18n';
import { InviteChoice, TargetGroup, activeAssignments, activeStaff } from './schedule-form';

/** Who leads (the signed-in person and the unit's ambassadors and managers) and who is invited: the team, a selection, or a program's target group. */
@Component({
  selector: 'k-session-people-fields',
  imports: [TranslatePipe],
  templateUrl: './session-people-fields.html',
  styleUrl: './schedule-fields.css',
})
export class SessionPeopleFields {
  /** The chosen unit, once loaded. */
  readonly unit = input<UnitDetail>();
  /** The unit's program assignments. */
  readonly assignments = input.required<ProgramAssignment[]>();
  /** Who the chosen assignment's target group is on the unit. */
  readonly targetGroup = input<TargetGroup | null>(null);
  readonly facilitatorIds = model.required<string[]>();
  readonly invite = model.required<InviteChoice>();
  readonly invitedIds = model.required<string[]>();
  readonly targetAssignmentId = model.required<string>();
  /** The last save's problem, for the fields' messages. */
  readonly problem = input<Problem | null>(null);
  /** A facilitator or an invited person was ticked or unticked. */
  readonly peopleChanged = output();
  private readonly session = inject(Session);
  protected readonly fieldMessage = fieldMessage;

  /** The signed-in person first, then the unit's ambassadors and managers: who may lead. */
  protected readonly facilitatorCandidates = computed(() => {
    const user = this.session.user();
    const detail = this.unit();
    const people = new Map<string, string>();
    if (user?.personId) people.set(user.personId, `${user.firstName} ${user.lastName}`);
    for (const person of [...(detail?.ambassadors ?? []), ...(detail?.managers ?? [])]) people.set(person.id, person.name);
    return [...people].map(([id, name]) => ({ id, name }));
  });
  protected readonly staff = computed(() => activeStaff(this.unit()));
  protected readonly targetAssignments = computed(() => activeAssignments(this.assignments()));
  /** The target group by name; null for the whole team. */
  protected readonly targetNames = computed(() => {
    const group = this.targetGroup();
    if (!group || group.audience === SessionAudience.UnitTeam) return null;
    const detail = this.unit();
    const names = new Map([...this.staff(), ...(detail?.ambassadors ?? []), ...(detail?.managers ?? [])].map((person) => [person.id, person.name]));
    return group.personIds.map((id) => names.get(id) ?? '').join(', ');
  });

  protected toggle(list: 'facilitators' | 'invited', personId: string, checked: boolean): void {
    const target = list === 'facilitators' ? this.facilitatorIds : this.invitedIds;
    target.update((ids) => (checked ? [...new Set([...ids, personId])] : ids.filter((id) => id !== personId)));
    this.peopleChanged.emit();
  }
}
