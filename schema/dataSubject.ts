import type { PersonalDataRecord } from '../src/application/ledger.js';
import { eraseDataSubject } from '../src/application/dataSubject.js';
import type { Actor } from '../src/auth/actor.js';
import { builder, type Context } from './builder.js';
import { commandMutation } from './command.js';

/**
 * Personal data (docs/personal-data.md): the secretariat finds a data subject, reads what the
 * ledger holds about them (access, portability) and erases them; a signed-in person reads their own.
 */

interface PersonalDataReport {
  readonly subjectIds: readonly string[];
  readonly erasedSubjectIds: readonly string[];
  readonly records: readonly PersonalDataRecord[];
}

const PersonalDataField = builder
  .objectRef<PersonalDataRecord['fields'][number]>('PersonalDataField')
  .implement({
    description: 'One value about the person in one record.',
    fields: (t) => ({
      field: t.exposeString('field', { description: 'The field of the record, e.g. name, email, organisation, actor.' }),
      value: t.exposeString('value'),
      subjectId: t.exposeID('subjectId'),
    }),
  });

const PersonalDataRecordType = builder.objectRef<PersonalDataRecord>('PersonalDataRecord').implement({
  description: 'A record of the ledger that holds personal data of the subject: what kind of record, where, when, and only their values.',
  fields: (t) => ({
    streamId: t.exposeString('streamId', { description: 'The record the values belong to (e.g. meeting-01J...).' }),
    eventType: t.exposeString('eventType', { description: 'What was recorded, e.g. AttendanceRecorded.' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    fields: t.field({ type: [PersonalDataField], resolve: (record) => [...record.fields] }),
  }),
});

const PersonalDataReportType = builder.objectRef<PersonalDataReport>('PersonalDataReport').implement({
  description: 'Everything the ledger holds about one person (GDPR art. 15 and 20), as data.',
  fields: (t) => ({
    subjectIds: t.idList({ resolve: (report) => [...report.subjectIds], description: 'The pseudonymous data subject ids.' }),
    erasedSubjectIds: t.idList({ resolve: (report) => [...report.erasedSubjectIds], description: 'Those already erased.' }),
    records: t.field({ type: [PersonalDataRecordType], resolve: (report) => [...report.records] }),
  }),
});

async function reportOf(context: Context, subjectIds: readonly string[]): Promise<PersonalDataReport> {
  const personalData = context.app.personalData;
  return {
    subjectIds,
    erasedSubjectIds: subjectIds.filter((id) => personalData.erasedAt(id) !== undefined),
    records: await personalData.recordsOf(subjectIds),
  };
}

/** The identities a token asserts: its subject, and its name when it carries one. */
function identitiesOf(actor: Actor): string[] {
  return [`subject:${actor.subject}`, ...(actor.name ? [`name:${actor.name}`] : [])];
}

builder.queryField('dataSubjects', (t) =>
  t.idList({
    description:
      'The data subject ids of a person, found by what identifies them (exact, case and spacing aside). Erased subjects are found no more.',
    authScopes: { secretariat: true },
    args: {
      name: t.arg.string({ required: false, description: 'The name as recorded, e.g. "Peter Wolkowinski".' }),
      email: t.arg.string({ required: false }),
      subject: t.arg.string({ required: false, description: 'A token subject, e.g. expert:peter-wolkowinski.' }),
    },
    resolve: (_root, args, context) =>
      context.app.personalData.subjectsNamed([
        ...(args.subject ? [`subject:${args.subject}`] : []),
        ...(args.email ? [`email:${args.email}`] : []),
        ...(args.name ? [`name:${args.name}`] : []),
      ]),
  }),
);

builder.queryField('personalData', (t) =>
  t.field({
    type: PersonalDataReportType,
    description: 'Everything the ledger holds about one data subject (access and portability requests), read from the log.',
    authScopes: { secretariat: true },
    args: { subjectId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => reportOf(context, [String(args.subjectId)]),
  }),
);

builder.queryField('myData', (t) =>
  t.field({
    type: PersonalDataReportType,
    description: 'Everything the ledger holds about you: the data subjects your token names (its subject, and its name).',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => reportOf(context, context.app.personalData.subjectsNamed(identitiesOf(context.actor))),
  }),
);

commandMutation({
  useCase: eraseDataSubject,
  description:
    "Erases a data subject (GDPR art. 17): their key is destroyed, so every record shows a placeholder instead of their data, in every answer, export and feed, and in the history; an event records that the erasure happened. Cannot be undone.",
  authScopes: () => ({ secretariat: true }),
});
