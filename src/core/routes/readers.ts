// The framework readers, by language. One reader per framework; a file may pass several.
import { expressReader } from './javascript/express';
import { fastifyReader } from './javascript/fastify';
import { koaReader } from './javascript/koa';
import nestReader from './javascript/nest/reader';
import nextReader from './javascript/next/reader';
import type { Framework } from './model';
import { djangoReader } from './python/django/reader';
import { fastapiReader } from './python/fastapi/reader';
import { flaskReader } from './python/flask/reader';
import type { JsRouteReader, PythonRouteReader } from './reader';

export const JS_ROUTE_READERS: readonly JsRouteReader[] = [expressReader, koaReader, fastifyReader, nestReader, nextReader];
export const PYTHON_ROUTE_READERS: readonly PythonRouteReader[] = [flaskReader, fastapiReader, djangoReader];

export function readerFor(framework: Framework): JsRouteReader | PythonRouteReader | undefined {
  return [...JS_ROUTE_READERS, ...PYTHON_ROUTE_READERS].find((reader) => reader.framework === framework);
}
