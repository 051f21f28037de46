// Names of widely used packages, for the unknown-dependency rule's look-alike check: a declared
// name one edit away from one of these (and not itself one of them) is likely a typo or a
// look-alike registered to catch one. A data table: adding a name is one line. Sources: the npm
// registry's and PyPI's most-downloaded lists as commonly published (top few hundred), trimmed to
// names of five or more characters (one edit from a short name reaches too many real packages).
import type { Ecosystem } from './model';

const NPM = `
lodash react react-dom express axios chalk commander debug moment request async underscore
webpack typescript eslint prettier jquery vue angular next nuxt svelte redux mobx rxjs
dotenv yargs minimist uuid glob rimraf mkdirp semver classnames prop-types core-js
body-parser cookie-parser cors helmet morgan passport jsonwebtoken bcrypt bcryptjs mongoose
sequelize typeorm prisma knex mysql mysql2 sqlite3 redis ioredis socket.io ws graphql
apollo-server nodemon jest mocha chai sinon supertest cheerio puppeteer playwright
babel-core @babel/core @babel/preset-env esbuild rollup vite postcss autoprefixer tailwindcss
sass less styled-components emotion date-fns dayjs luxon lodash-es ramda immutable
node-fetch cross-fetch got superagent form-data multer formidable busboy nodemailer
winston pino bunyan log4js colors inquirer ora listr execa shelljs cross-env concurrently
fs-extra chokidar handlebars ejs pug mustache marked highlight.js markdown-it js-yaml yaml
xml2js fast-xml-parser cheerio jsdom validator joi yup zod ajv class-validator
express-session connect-redis cookie-session csurf express-validator express-rate-limit
http-proxy-middleware compression serve-static path-to-regexp qs querystring
stripe twilio firebase firebase-admin aws-sdk @aws-sdk/client-s3 googleapis openai
`;

const PYPI = `
requests numpy pandas flask django fastapi uvicorn gunicorn sqlalchemy psycopg2
psycopg2-binary pymysql redis celery boto3 botocore urllib3 certifi charset-normalizer
idna setuptools wheel pytest pytest-cov coverage black flake8 pylint mypy isort
pydantic jinja2 markupsafe werkzeug itsdangerous click python-dotenv pyyaml toml
scipy matplotlib seaborn scikit-learn tensorflow torch keras transformers openai
beautifulsoup4 lxml selenium scrapy pillow opencv-python httpx aiohttp websockets
cryptography pyjwt bcrypt passlib paramiko fabric ansible docker kubernetes
pymongo motor elasticsearch kafka-python pika grpcio protobuf marshmallow alembic
starlette jsonschema attrs python-dateutil pytz arrow pendulum tqdm rich colorama
tabulate pyopenssl six typing-extensions packaging pyparsing decorator simplejson
djangorestframework django-cors-headers django-filter channels dramatiq huey
stripe twilio sentry-sdk loguru structlog gevent eventlet greenlet uvloop
`;

function names(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((name) => name.length >= 5));
}

export const POPULAR_PACKAGES: Readonly<Record<Ecosystem, ReadonlySet<string>>> = { npm: names(NPM), PyPI: names(PYPI) };
