// HTTP endpoints left without authentication. The file's routes are read fresh (so findings follow
// typing), then judged within the project's route model: mounts from other files, app- and
// project-wide guards, the project's own auth helpers. A finding's fix adds the guard the
// project already uses, in the framework's place; "Mark as intentionally public" records it.
import { JS_LANGUAGES, languageFromFileName } from '../languages/language';
import { defineRule } from '../rule';
import { chooseGuard } from '../routes/choose-guard';
import { judgeRoute, type RouteVerdict } from '../routes/judge';
import type { FileRoutes } from '../routes/model';
import { mayDeclareRoutes, readFileRoutes } from '../routes/read-file-routes';
import { optOutFix } from '../routes/opt-out-fix';
import { readerFor } from '../routes/readers';
import type { RouteSourceFile } from '../routes/reader';
import { RouteIndex, routeTextHash } from '../routes/route-index';
import type { ResolvedRoute } from '../routes/resolve';
import { severityRank, type Fix } from '../types';

export default defineRule({
  meta: {
    id: 'open-route',
    category: 'open-route',
    defaultSeverity: 'warning',
    description: 'HTTP routes without authentication that are sensitive (path, state-changing method) or whose sibling routes are guarded; error when both.',
    fixable: true,
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'],
    offerAllowlist: true,
    allowlistTitle: 'Mark as intentionally public (reason in .lastline.json)…',
  },
  check(context) {
    const file: RouteSourceFile = { path: context.file.path, text: context.file.text, lines: context.file.lines, language: context.file.language };
    // A file of auth helpers only has no route to report (the index learns its helpers).
    if (!mayDeclareRoutes(file)) return;
    const index = context.project.routes ?? RouteIndex.empty();
    const hash = routeTextHash(file.text);
    // The index already read this very text (a CLI scan, an unmodified editor buffer): reuse its
    // summary rather than parse again. Only when read as the same language (the editor may differ).
    const indexed = context.file.language === languageFromFileName(file.path) ? index.currentSummary(file.path, hash) : undefined;
    const summary = indexed ?? readFileRoutes(file, { javascript: () => context.javascript(), python: () => context.python() });
    if (summary.routes.length === 0 && summary.handlers.length === 0) return;
    const model = index.resolvedWith(summary, hash);
    // Only a fix needs the summaries (for imports): copied on the first one, not per file scanned.
    let summaries: Map<string, FileRoutes> | undefined;

    // A router mounted twice yields one resolved route per mount: report the worst once.
    const worst = new Map<string, { route: ResolvedRoute; verdict: RouteVerdict }>();
    for (const route of model.routes) {
      if (route.reportAt.file !== file.path) continue;
      const verdict = judgeRoute(route, model.routes);
      if (!verdict.report) continue;
      const key = `${route.reportAt.range.start.line}:${route.reportAt.range.start.character}`;
      const seen = worst.get(key);
      if (!seen || severityRank(verdict.report.severity) > severityRank(seen.verdict.report!.severity)) worst.set(key, { route, verdict });
    }
    for (const { route, verdict } of worst.values()) {
      const report = verdict.report!;
      // A route opened on purpose is fixed by taking the opt-out away (and guarding it, without an app default).
      const fix = route.publicMarker ? optOutFix(route, file, () => guardFix(route)) : guardFix(route);
      context.report({
        message: report.message,
        range: route.reportAt.range,
        severity: context.file.isTestFile && report.severity === 'error' ? 'warning' : report.severity,
        related: report.related.map((related) => (related.file === file.path ? { message: related.message, range: related.range } : related)),
        ...(fix ? { fixes: [fix] } : {}),
        // Identity is the route itself, so an allowlist entry survives edits around it.
        fingerprintText: `${route.framework} ${route.methods.join(',')} ${route.path}`,
      });
    }

    function guardFix(route: ResolvedRoute): Fix | undefined {
      const reader = readerFor(route.framework);
      summaries ??= new Map(index.summaries).set(summary.path, summary);
      const guard = chooseGuard(route, model, summaries, file.path);
      if (!reader?.addGuard || !guard) return undefined;
      const onHandler = route.declared.file !== file.path;
      return reader.addGuard({
        file,
        ...(onHandler ? {} : { route: route.decl }),
        ...(route.handlerDecl && route.handler?.file === file.path ? { handler: route.handlerDecl } : {}),
        guard,
        summary,
        ...(JS_LANGUAGES.has(file.language) ? { javascript: context.javascript().ast } : { python: context.python().tree.rootNode }),
      });
    }
  },
});
