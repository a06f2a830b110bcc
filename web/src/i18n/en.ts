import * as calculator from './calculator.ts';
import * as common from './common.ts';
import * as console from './console.ts';
import * as delivery from './delivery.ts';
import * as policies from './policies.ts';
import * as apply from './apply.ts';
import * as portal from './portal.ts';
import * as recognition from './recognition.ts';
import * as review from './review.ts';
import * as tokens from './tokens.ts';
import type { Messages } from './zh-CN.ts';

export const en: Messages = {
  ...common.en,
  ...calculator.en,
  ...console.en,
  ...portal.en,
  ...recognition.en,
  ...apply.en,
  ...review.en,
  ...delivery.en,
  ...policies.en,
  ...tokens.en,
};
