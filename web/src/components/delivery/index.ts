/** Policy delivery (免申即享) shared by the console and the firm's pages: its data and the claim's status tag. */
export * from './data.ts';
export * from './ClaimStatusTag.tsx';
export * from './failure.ts';
