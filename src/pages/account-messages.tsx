import { accountPages as t } from '../messages/current.js';
import { MessagePage } from './layout.js';

/** A form this server did not render (or a foreign Origin): nothing was done. */
export const FormForbiddenPage = (props: { formHref: string }) => (
  <MessagePage
    title={t.forbidden.title}
    paragraphs={[t.forbidden.body]}
    link={{ href: props.formHref, label: t.startOver }}
  />
);

/** A genuine form kept open over 30 minutes: nothing was done; start again. */
export const FormExpiredPage = (props: { formHref: string }) => (
  <MessagePage
    title={t.formExpired.title}
    paragraphs={[t.formExpired.body]}
    link={{ href: props.formHref, label: t.startOver }}
  />
);

export const FormFailedPage = () => <MessagePage title={t.failed.title} paragraphs={[t.failed.body]} />;

/** A result page whose time is over (or a wrong URL): nothing is shown, and nothing was undone. */
export const ResultGonePage = (props: { formHref: string }) => (
  <MessagePage
    title={t.resultGone.title}
    paragraphs={[t.resultGone.body]}
    link={{ href: props.formHref, label: t.startOver }}
  />
);
