// Package names as each ecosystem compares them.
import type { Ecosystem } from './model';

/** PEP 503: case-insensitive, and runs of `-`, `_` and `.` are one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function comparableName(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'PyPI' ? normalizePypiName(name) : name;
}
