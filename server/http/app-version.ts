/** The control plane's version, as released (package.json). */
import packageJson from '../../package.json';

export const APP_VERSION: string = packageJson.version;
