import { messagingApi } from '@line/bot-sdk';
import { linkRichMenuForUser } from './rich-menus.js';

/** What the conversation needs from LINE besides messages: account link tokens and rich menus. */
export interface LineAccount {
  issueLinkToken(lineUserId: string): Promise<string>;
  showRichMenu(lineUserId: string, which: 'logged-in' | 'logged-out'): Promise<void>;
}

export function lineAccount(opts: { channelAccessToken: string; apiBaseUrl: string }): LineAccount {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: opts.channelAccessToken,
    baseURL: opts.apiBaseUrl,
  });
  return {
    async issueLinkToken(lineUserId) {
      return (await client.issueLinkToken(lineUserId)).linkToken;
    },
    async showRichMenu(lineUserId, which) {
      await linkRichMenuForUser(client, lineUserId, which);
    },
  };
}

export const unconfiguredLineAccount: LineAccount = {
  async issueLinkToken() {
    throw new Error('LINE_CHANNEL_ACCESS_TOKEN is not set');
  },
  async showRichMenu() {
    /* no channel: no rich menu to switch */
  },
};
