import { describe, expect, it } from 'vitest';
import { holdServiceMail, holdServiceNoticeReply } from '../../src/notices/hold-service-cards.js';
import { dropReason } from '../../src/domain/notices.js';

// Issue 26's notices as a LINE card and as a mail: a hold cancelled after its 不要日 (R-RES-12)
// and an overdue loan (R-NOTE-1).
describe('issue 26 notices', () => {
  it('R-RES-12: the card and the mail name the title and the 不要日, and say what to do', () => {
    const p = { title: '三体', notNeededAfter: '2026-12-31' };
    const card = JSON.stringify(holdServiceNoticeReply('hold_not_needed', p));
    expect(card).toContain('『三体』');
    expect(card).toContain('2026年12月31日（木）');
    expect(card).toContain('あらためて予約をお申し込みください');
    const mail = holdServiceMail('hold_not_needed', p)!;
    expect(mail.subject).toBe('予約を取り消しました（不要日を過ぎたため）');
    expect(mail.blocks.join('\n')).toContain('不要日：2026年12月31日（木）');
  });
  it('R-NOTE-1: the overdue card and mail name the title and the due date; a returned loan drops it', () => {
    const p = { title: '白夜行', dueDate: '2026-11-15', number: 2 };
    expect(JSON.stringify(holdServiceNoticeReply('overdue_notice', p))).toContain('2026年11月15日（日）');
    expect(holdServiceMail('overdue_notice', p)!.blocks.join('\n')).toContain('返却予定日：2026年11月15日（日）');
    const subject = {
      kind: 'overdue_notice',
      holdStatus: null,
      loanDueDate: '2026-11-15',
      payloadDueDate: '2026-11-15',
    };
    expect(dropReason({ ...subject, loanReturned: true })).toBe('loan returned');
    expect(dropReason({ ...subject, loanReturned: false })).toBeNull();
  });
  it('other kinds are not these', () => {
    expect(holdServiceNoticeReply('hold_ready', {})).toBeUndefined();
    expect(holdServiceMail('hold_ready', {})).toBeUndefined();
  });
});
