import { messagingApi } from '@line/bot-sdk';
import type { LineAccount } from '../conversation/ports.js';
import { linkRichMenuForUser } from './rich-menus.js';

export function lineAccount(opts: { channelAccessToken: string; apiBaseUrl: string }): LineAccount {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: opts.channelAccessToken,
    baseURL: opts.apiBaseUrl,
  });
  return {
    async issueLinkToken(lineUserId) {
      return (await client.issueLinkToken(lineUserId)).linkToken;
    },
    async showRichMenu(lineUserId, which, language) {
      await linkRichMenuForUser(client, lineUserId, which, language);
    },
    async profileLanguage(lineUserId) {
      return (await client.getProfile(lineUserId)).language;
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
  async profileLanguage() {
    return undefined;
  },
};
