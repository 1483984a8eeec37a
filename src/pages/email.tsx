import { accountPages as t, MAIL_NOT_ARRIVING, MAIL_SENDER_NOTICE, pages, lazySection } from '../messages/current.js';
import { AccountConfirmPage, type AccountConfirmView, AccountFormPage, type AccountFormView } from './account-form.js';
import { Choice, Layout, MessagePage } from './layout.js';
import { TextField } from './patron-fields.js';

const m = lazySection(() => t.email);
const TYPES = () =>
  [
    { value: 'pc', label: m.emailTypes.pc },
    { value: 'mobile', label: m.emailTypes.mobile },
  ] as const;

export interface EmailFormView extends AccountFormView<'email' | 'emailType'> {
  email?: string;
  emailType?: string;
}

/** R-MAIL-1 メールアドレス変更 (CONTRACT.md: cardNumber, password, email, emailType pc|mobile; 変更). */
export function EmailPage(v: EmailFormView) {
  const e = v.fieldErrors ?? {};
  return (
    <AccountFormPage view={v} title={m.title} lead={m.lead} note={{ title: m.whoTitle, body: m.who }}>
      <TextField name="email" label={m.emailLabel} hint={m.emailHint} value={v.email} error={e.email} />
      <Choice name="emailType" label={m.emailTypeLabel} options={TYPES()} value={v.emailType} error={e.emailType} />
    </AccountFormPage>
  );
}

export const emailTypeLabel = (type: string) => (type === 'mobile' ? m.emailTypes.mobile : m.emailTypes.pc);

/** The address and its type as a confirmation lists them (before 送信, and on the mail's link page). */
export const emailRows = (v: { email: string; emailType: string }) => [
  { label: m.emailLabel, value: v.email },
  { label: m.emailTypeLabel, value: emailTypeLabel(v.emailType) },
];

/** メールアドレス変更確認: the address and its type, and 送信 (values in hidden inputs of a POST form). */
export const EmailConfirmPage = (v: AccountConfirmView & { email: string; emailType: string }) => (
  <AccountConfirmPage {...v} title={m.confirmTitle} lead={m.confirmLead} rows={emailRows(v)} />
);

/** メールアドレス変更完了: a mail is on its way; allow the library's sender (R-MAIL-3). */
export function EmailDonePage(v: { email: string; sender: string; again?: boolean }) {
  return (
    <Layout title={m.doneTitle}>
      <div class="card">
        {v.again && <p>{m.again}</p>}
        {m.done(v.email).map((line) => (
          <p>{line}</p>
        ))}
      </div>
      <section class="card note">
        <h2>{m.senderTitle}</h2>
        <p>{MAIL_SENDER_NOTICE(v.sender)}</p>
        <p>{MAIL_NOT_ARRIVING.lead}</p>
        <ul>
          {MAIL_NOT_ARRIVING.checks(v.sender).map((line) => (
            <li>{line}</li>
          ))}
        </ul>
        <p>{pages.closeAndReturn}</p>
      </section>
    </Layout>
  );
}

/** R-ELIG-4: card and password are right, but this patron may not register an address: why, and what next. */
export const EmailRefusedPage = (v: { reason: string }) => (
  <MessagePage title={m.refusedTitle} paragraphs={[v.reason, m.refusedWayForward, pages.closeAndReturn]} />
);
