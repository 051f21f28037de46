// Django (and Django REST framework): urls modules (routes and includes), views (HandlerDecls the
// routes refer to) and settings (project-wide middleware and default permissions). One file may
// be several of these; each part reads only what it recognises.
import type { PythonRouteReader } from '../../reader';
import { addDjangoGuard } from './fix';
import { readDjangoSettings } from './settings';
import { readDjangoUrls } from './urls';
import { readDjangoViews } from './views';

export const djangoReader: PythonRouteReader = {
  framework: 'django',
  mayApply: (text) => /urlpatterns|django|rest_framework|MIDDLEWARE|REST_FRAMEWORK|ROOT_URLCONF/.test(text),
  read(file, root, into) {
    readDjangoUrls(file, root, into);
    readDjangoSettings(file, root, into);
    // Views only in Django modules: elsewhere a function taking `request` is no Django view.
    if (into.imports.some((binding) => /^(django|rest_framework)(\.|$)/.test(binding.module))) readDjangoViews(file, root, into);
  },
  addGuard: addDjangoGuard,
};
