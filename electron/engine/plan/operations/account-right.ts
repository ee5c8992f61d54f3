import type { Operation, UndoKind } from '../operation';

/** Undo takes the right back only when this run granted it: an account that held it before keeps it. */
export const accountRightUndo: UndoKind = {
  kind: 'account-right',
  async undo(ctx, target, before) {
    if (before?.granted === true) await ctx.host.machine.writeAccountRight(String(target.account), String(target.right), false);
  },
};

/** Grants a user right (Log on as a service) to an account, the way Local Security Policy does. */
export function accountRightOperation(account: string, right: string, label: string): Operation {
  return {
    id: `account-right:${account}|${right}`,
    kind: accountRightUndo.kind,
    target: { account, right },
    description: `Grant ${account} the user right "${label}" (${right})`,
    details: { account, right },
    isDone: (ctx) => ctx.host.machine.readAccountRight(account, right),
    async prepare(ctx) {
      return { granted: !(await ctx.host.machine.readAccountRight(account, right)) };
    },
    async apply(ctx) {
      const had = await ctx.host.machine.readAccountRight(account, right);
      if (!had) await ctx.host.machine.writeAccountRight(account, right, true);
      return { granted: !had };
    },
  };
}
