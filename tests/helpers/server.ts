export { serveStatic, parseHeadersFile, type StaticServer } from '../../scripts/lib/serve';
