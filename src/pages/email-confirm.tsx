import { accountPages as t, pages, lazySection } from '../messages/current.js';
import { emailRows } from './email.js';
import { ConfirmPage, MessagePage } from './layout.js';

const c = lazySection(() => t.emailConfirm);

/** メールアドレス変更確定: the page the mail's link opens (R-MAIL-2). Nothing is registered until 確定. */
export const EmailLinkPage = (v: {
  action: string;
  hidden: Readonly<Record<string, string>>;
  email: string;
  emailType: string;
}) => (
  <ConfirmPage
    title={c.title}
    lead={c.lead}
    rows={emailRows(v)}
    action={v.action}
    hidden={v.hidden}
    submitLabel={c.submit}
  />
);

/** メールアドレス変更確定完了 */
export const EmailLinkDonePage = (v: { again?: boolean } = {}) => (
  <MessagePage title={c.doneTitle} paragraphs={[...(v.again ? [c.again] : []), ...c.done, pages.closeAndReturn]} />
);

/** An unknown, expired or used link: which, and how to start again. */
export const EmailLinkInvalidPage = (v: { state: 'unknown' | 'expired' | 'used'; formHref: string }) => (
  <MessagePage title={c[v.state].title} paragraphs={[c[v.state].body]} link={{ href: v.formHref, label: c.toForm }} />
);
