import { accountPages as t, pages } from '../messages/ja/index.js';
import { NoticePage } from './account-messages.js';
import { emailTypeLabel } from './email.js';
import { ConfirmList, Form, Layout } from './layout.js';

const c = t.emailConfirm;

/** メールアドレス変更確定: the page the mail's link opens (R-MAIL-2). Nothing is registered until 確定. */
export function EmailLinkPage(v: {
  action: string;
  hidden: Readonly<Record<string, string>>;
  email: string;
  emailType: string;
}) {
  return (
    <Layout title={c.title}>
      <div class="card">
        <p>{c.lead}</p>
        <ConfirmList
          rows={[
            { label: t.email.emailLabel, value: v.email },
            { label: t.email.emailTypeLabel, value: emailTypeLabel(v.emailType) },
          ]}
        />
        <Form action={v.action} hidden={v.hidden} submitLabel={c.submit} />
      </div>
    </Layout>
  );
}

/** メールアドレス変更確定完了 */
export const EmailLinkDonePage = () => (
  <NoticePage title={c.doneTitle} paragraphs={[...c.done, pages.closeAndReturn]} />
);

/** An unknown, expired or used link: which, and how to start again. */
export const EmailLinkInvalidPage = (v: { state: 'unknown' | 'expired' | 'used'; formHref: string }) => (
  <NoticePage title={c[v.state].title} paragraphs={[c[v.state].body]} link={{ href: v.formHref, label: c.toForm }} />
);
