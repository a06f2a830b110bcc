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

export const zhCN = {
  ...common.zh,
  ...calculator.zh,
  ...console.zh,
  ...portal.zh,
  ...recognition.zh,
  ...apply.zh,
  ...review.zh,
  ...delivery.zh,
  ...policies.zh,
  ...tokens.zh,
};
export type Messages = Record<keyof typeof zhCN, string>;
