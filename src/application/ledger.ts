import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import type { ReadModelStore } from '../../projections/types.js';
import type { CommandOptions, CommandResult, DependentCommand, LoadedAggregate, StreamTarget } from '../commands/handleCommand.js';

/**
 * What use cases need from the infrastructure: the current state of an aggregate, and a command
 * handled with its effects readable in the read models when it returns (read your writes).
 */
export interface Ledger {
  load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<LoadedAggregate<S>>;
  /**
   * The live read models, for look-ups a command does not decide on but needs to be named:
   * which plan holds an action, a city's name, the matcher's suggestion. Decisions use `load`.
   */
  readonly readModels: ReadModelStore;
  /** The data subjects' keys and what the log holds of them (docs/personal-data.md). */
  readonly personalData: PersonalDataPort;
  execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    target: StreamTarget,
    /** A DependentCommand when the decision read other streams (see handleCommand.ts). */
    command: C | DependentCommand<C>,
    options: CommandOptions,
  ): Promise<CommandResult<S>>;
}

/** One event's values about the subjects asked for (and only theirs). */
export interface PersonalDataRecord {
  readonly streamId: string;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly fields: readonly { readonly field: string; readonly value: string; readonly subjectId: string }[];
}

/** Access and erasure of data subjects; the keys stay behind it. */
export interface PersonalDataPort {
  /** Subject ids named by identities such as `name:Peter Wolkowinski`, `email:a@b.eu`, `subject:expert:x`. */
  subjectsNamed(identities: readonly string[]): string[];
  /** A subject this ledger holds or held data of. */
  isKnown(subjectId: string): boolean;
  erasedAt(subjectId: string): string | undefined;
  /** Destroys the subject's key (what makes erasure happen); false when the subject is unknown. */
  destroyKey(subjectId: string, at: string): boolean;
  /** Resolves once the read models hold nothing of subjects erased so far. */
  settled(): Promise<void>;
  /** Every event value held about these subjects, in log order. */
  recordsOf(subjectIds: readonly string[]): Promise<PersonalDataRecord[]>;
}
