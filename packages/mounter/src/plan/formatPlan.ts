import { describeStep } from "./describeStep.ts";
import type { SetupPlan } from "./types.ts";

/**
 * The plan as text for people (`ocimount plan`): one numbered line per step with why, what, where
 * (in-root path and today's host path) and options, then the planner's warnings.
 */
export function formatPlan(plan: SetupPlan): string {
  const rows = plan.steps.map(describeStep);
  const whyWidth = Math.max(...rows.map((r) => r.why.length));
  const actionWidth = Math.max(...rows.map((r) => r.action.length));
  const lines = [`plan for ${plan.bundleDir} (rootfs ${plan.rootfs}), ${rows.length} steps`];
  rows.forEach((r, i) => {
    const host = r.hostPath !== r.target ? ` [${r.hostPath}]` : "";
    const opts = r.options.length ? `  ${r.options.join(",")}` : "";
    lines.push(
      `${String(i + 1).padStart(3)}. ${r.why.padEnd(whyWidth)}  ${r.action.padEnd(actionWidth)}  ${r.source} -> ${r.target}${host}${opts}`,
    );
  });
  for (const w of plan.warnings) lines.push(`warning (${w.path}): ${w.message}`);
  return `${lines.join("\n")}\n`;
}
