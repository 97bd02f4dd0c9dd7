/**
 * Web server images: nginx (docker-library, and the nginx-based samples of the Kubernetes docs: nginx-slim,
 * nginxdemos/hello, nginxhttps) and httpd. Their files are the images' real defaults: nginx's welcome page,
 * nginx.conf and conf.d/default.conf; httpd's `WORKDIR /usr/local/apache2` with htdocs/index.html and conf/httpd.conf.
 */
import { nginxTags, httpdTags, fixedTags } from './tags.js';
import { SHELL_TOOLS, headers, shellMain, staticServer, type StaticPages } from './common.js';
import type { ImageInfo, MainProcess } from './types.js';

/** nginx's default page (`/usr/share/nginx/html/index.html`). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error page for a status (`404 Not Found`, `403 Forbidden`). */
export const nginxErrorPage = (status: string, version = '1.27.3'): string => `<html>
<head><title>${status}</title></head>
<body>
<center><h1>${status}</h1></center>
<hr><center>nginx/${version}</center>
</body>
</html>
`;

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const NGINX_DEFAULT_CONF = 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n';

/** The files of the nginx image. */
export const NGINX_FILES: Record<string, string> = {
  '/usr/share/nginx/html/index.html': NGINX_WELCOME,
  '/usr/share/nginx/html/50x.html': NGINX_50X,
  '/etc/nginx/nginx.conf': NGINX_CONF,
  '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
  '/var/log/nginx/access.log': '',
  '/var/log/nginx/error.log': '',
  '/var/cache/nginx/': '',
  '/docker-entrypoint.d/': '',
};

const NGINX_ENTRYPOINT_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const nginxPages = (version = '1.27.3'): StaticPages => ({
  server: `nginx/${version}`,
  notFound: () => nginxErrorPage('404 Not Found', version),
  forbidden: () => nginxErrorPage('403 Forbidden', version),
  moved: () => nginxErrorPage('301 Moved Permanently', version),
});

/** The main process of an nginx-based image: nginx serving the html directory on port 80 (and more ports). */
function nginxMain(root: string, ports: number[], version?: string): ImageInfo['main'] {
  return (argv): MainProcess =>
    argv.some((a) => a.includes('nginx')) || argv[0] === '/docker-entrypoint.sh'
      ? { type: 'serve', argv, servers: ports.map((port) => ({ port, protocol: 'TCP' as const, handle: staticServer(root, nginxPages(version)) })) }
      : shellMain(0)(argv);
}

const nginxBase = {
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'curl', 'apt-get', 'nginx'],
  shells: ['bash', 'sh'],
  os: 'debian' as const,
  workingDir: '/',
  files: NGINX_FILES,
};

export const nginx: ImageInfo = {
  ...nginxBase,
  repository: 'nginx',
  defaultArgv: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
  hasTag: nginxTags,
  main: nginxMain('/usr/share/nginx/html', [80]),
  startupLogs: (argv) => (argv[0] === '/docker-entrypoint.sh' ? NGINX_ENTRYPOINT_LOGS : []),
  size: 72195292,
};

/** The StatefulSet tutorial's nginx (`registry.k8s.io/nginx-slim:0.8`): a small nginx 1.9 serving `/usr/share/nginx/html`. */
const nginxSlim = (repository: string, hasTag: (t: string) => boolean): ImageInfo => ({
  ...nginxBase,
  repository,
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'nginx'],
  files: { ...NGINX_FILES, '/etc/nginx/nginx.conf': NGINX_CONF.replace('user  nginx;', 'user  www-data;') },
  defaultArgv: ['nginx', '-g', 'daemon off;'],
  hasTag,
  main: nginxMain('/usr/share/nginx/html', [80], '1.9.1'),
  startupLogs: () => [],
  size: 26015562,
});

/** nginxdemos/hello: a page naming the server's address and host name (here: the pod's). */
const nginxDemosHello: ImageInfo = {
  ...nginxBase,
  repository: 'nginxdemos/hello',
  tools: [...SHELL_TOOLS, 'sh', 'nginx', 'wget'],
  shells: ['sh'],
  os: 'alpine',
  defaultArgv: ['nginx', '-g', 'daemon off;'],
  hasTag: fixedTags('latest', 'plain-text', '0.1', '0.2', '0.3', '0.4', 'plain-text-0.4'),
  main: (argv, tag) => ({
    type: 'serve',
    argv,
    servers: [{ port: 80, protocol: 'TCP', handle: (req, ctx) => ({ status: 200, reason: 'OK', headers: headers('nginx/1.27.3', tag?.startsWith('plain-text') ? 'text/plain' : 'text/html'), body: `Server address: ${req.host}\nServer name: ${ctx.podName}\nURI: ${req.path}\n` }) }],
  }),
  startupLogs: () => [],
};

/** bprashanth/nginxhttps (the docs' "Connecting Applications with Services"): nginx on 80 and 443. */
const nginxHttps: ImageInfo = {
  ...nginxBase,
  repository: 'bprashanth/nginxhttps',
  defaultArgv: ['/home/auto-reload-nginx.sh'],
  hasTag: fixedTags('1.0', 'latest'),
  main: (argv) => nginxMain('/usr/share/nginx/html', [80, 443])(['nginx', ...argv]),
  startupLogs: () => [],
};

const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

const httpdNotFound = (): string => `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

/** An excerpt of the httpd image's conf/httpd.conf: the directives a learner looks for. */
const HTTPD_CONF = `ServerRoot "/usr/local/apache2"

Listen 80

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule dir_module modules/mod_dir.so
LoadModule alias_module modules/mod_alias.so

<IfModule unixd_module>
User www-data
Group www-data
</IfModule>

ServerAdmin you@example.com

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

ErrorLog /proc/self/fd/2

LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common

    CustomLog /proc/self/fd/1 common
</IfModule>

<IfModule mime_module>
    TypesConfig conf/mime.types
</IfModule>
`;

export const httpd: ImageInfo = {
  repository: 'httpd',
  tools: [...SHELL_TOOLS, 'bash', 'sh', 'apt-get', 'httpd'],
  shells: ['bash', 'sh'],
  os: 'debian',
  workingDir: '/usr/local/apache2',
  files: {
    '/usr/local/apache2/htdocs/index.html': HTTPD_IT_WORKS,
    '/usr/local/apache2/conf/httpd.conf': HTTPD_CONF,
    '/usr/local/apache2/conf/mime.types': '',
    '/usr/local/apache2/logs/': '',
    '/usr/local/apache2/bin/': '',
    '/usr/local/apache2/cgi-bin/': '',
    '/usr/local/apache2/error/': '',
    '/usr/local/apache2/icons/': '',
    '/usr/local/apache2/modules/': '',
  },
  defaultArgv: ['httpd-foreground'],
  hasTag: httpdTags,
  main: (argv) =>
    argv[0] === 'httpd-foreground' || argv.some((a) => a.includes('httpd'))
      ? { type: 'serve', argv, servers: [{ port: 80, protocol: 'TCP', handle: staticServer('/usr/local/apache2/htdocs', { server: 'Apache/2.4.62 (Unix)', notFound: httpdNotFound }) }] }
      : shellMain(0)(argv),
  startupLogs: (_argv, ip) => [
    `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`,
    `[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
  ],
};

/** The web server images. */
export const WEB_IMAGES: ImageInfo[] = [
  nginx,
  httpd,
  nginxSlim('registry.k8s.io/nginx-slim', fixedTags('0.8', '0.20', '0.21', '0.22', '0.23', '0.24', '0.25', '0.26', '0.27')),
  nginxSlim('gcr.io/google_containers/nginx-slim', fixedTags('0.5', '0.6', '0.7', '0.8')),
  nginxSlim('k8s.gcr.io/nginx-slim', fixedTags('0.8', '0.20', '0.21', '0.22', '0.23', '0.24', '0.25', '0.26', '0.27')),
  nginxDemosHello,
  nginxHttps,
];
