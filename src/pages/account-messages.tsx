import { accountPages as t } from '../messages/ja/index.js';
import { Layout, LinkButton } from './layout.js';

/** A page that only says something, with one way on (back to the form, or to the chat). */
export function NoticePage(props: {
  title: string;
  paragraphs: readonly string[];
  link?: { href: string; label: string } | undefined;
}) {
  return (
    <Layout title={props.title}>
      <div class="card">
        {props.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        {props.link && <LinkButton href={props.link.href} label={props.link.label} />}
      </div>
    </Layout>
  );
}

/** A form this server did not render (or a foreign Origin): nothing was done. */
export const FormForbiddenPage = (props: { formHref: string }) => (
  <NoticePage
    title={t.forbidden.title}
    paragraphs={[t.forbidden.body]}
    link={{ href: props.formHref, label: t.startOver }}
  />
);

/** A genuine form kept open over 30 minutes: nothing was done; start again. */
export const FormExpiredPage = (props: { formHref: string }) => (
  <NoticePage
    title={t.formExpired.title}
    paragraphs={[t.formExpired.body]}
    link={{ href: props.formHref, label: t.startOver }}
  />
);

export const FormFailedPage = () => <NoticePage title={t.failed.title} paragraphs={[t.failed.body]} />;
