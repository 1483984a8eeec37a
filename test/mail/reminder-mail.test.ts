import { describe, expect, it } from 'vitest';
import type { DueMail } from '../../src/db/mail-outbox.js';
import { mailForNotice } from '../../src/notices/mail-content.js';

const ctx = {
  publicBaseUrl: 'https://library.example.jp',
  mailFrom: 'yoyaku@library-kamagaya-chiba.jp',
  branchName: (c: unknown) => (c === 'tobu' ? '東部分館' : String(c)),
};
const due = (kind: string, payload: Record<string, unknown>, confirmedEmail: string | null = 'hanako@example.jp') =>
  ({ id: '1', kind, payload, retryKey: '00000000-0000-4000-8000-000000000001', confirmedEmail }) as unknown as DueMail;

describe('reminders by e-mail (patrons who chose E-mail or have no LINE link)', () => {
  it('R-RES-8: a pickup reminder names the title, the pickup branch and the deadline', () => {
    const r = mailForNotice(
      due('pickup_reminder', { title: 'こころ', pickupBranch: 'tobu', pickupDeadline: '2026-12-09' }),
      ctx,
    );
    expect('mail' in r && r.mail.subject).toBe('受取期限が近づいています');
    expect('mail' in r && r.mail.text).toContain('受取期限：2026年12月9日（水）');
    expect('mail' in r && r.mail.text).toContain('東部分館');
  });

  it('R-LOAN-3: a due-date reminder tells how to renew when renewal is possible, else to return', () => {
    const yes = mailForNotice(due('due_reminder', { title: 'こころ', dueDate: '2026-12-15', renewable: true }), ctx);
    expect('mail' in yes && yes.mail.text).toContain('延長');
    const no = mailForNotice(due('due_reminder', { title: 'こころ', dueDate: '2026-12-15', renewable: false }), ctx);
    expect('mail' in no && no.mail.text).toContain('ご返却ください');
  });

  it('R-LOAN-4: a loan reserved by someone else says it can no longer be renewed', () => {
    const r = mailForNotice(due('loan_reserved', { title: 'こころ', dueDate: '2026-12-15' }), ctx);
    expect('mail' in r && r.mail.text).toContain('延長はできなくなりました');
  });

  it('without a confirmed address the reminder is dropped, with the reason', () => {
    expect(mailForNotice(due('pickup_reminder', { title: 'こころ' }, null), ctx)).toEqual({
      drop: 'no confirmed e-mail address',
    });
  });
});
