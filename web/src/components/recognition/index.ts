export * from './data.ts';
export * from './Tags.tsx';
export * from './History.tsx';
export * from './Evidence.tsx';
