// Rust's lints (doc.rust-lang.org/rustc/lints, rust-clippy's lint list): the ones that guard
// memory safety are `unsafe_code` (forbidden or denied by projects that promise no `unsafe`),
// `unsafe_op_in_unsafe_fn`, and Clippy's `undocumented_unsafe_blocks` /
// `multiple_unsafe_ops_per_block`. `dead_code`, `unused_*` and the rest of Clippy are not
// security checks; none finds what Lastline reports.
import type { ToolChecks } from './model';

const SECURITY_LINTS = new Set(['unsafe_code', 'unsafe_op_in_unsafe_fn', 'clippy::undocumented_unsafe_blocks', 'clippy::multiple_unsafe_ops_per_block']);

export const RUST_CHECKS: ToolChecks = {
  blanketHides: [],
  hides: () => false,
  isSecurity: (id) => SECURITY_LINTS.has(id),
};
