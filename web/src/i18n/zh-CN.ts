import * as calculator from './calculator.ts';
import * as common from './common.ts';
import * as console from './console.ts';
import * as portal from './portal.ts';

export const zhCN = { ...common.zh, ...calculator.zh, ...console.zh, ...portal.zh };
export type Messages = Record<keyof typeof zhCN, string>;
