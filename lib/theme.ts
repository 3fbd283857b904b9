/** The localStorage key of the visitor's theme choice (`light` | `dark`); absent: follow the system. */
export const THEME_STORAGE_KEY = 'tokenboard-theme';

/**
 * Runs inline in `<head>` before the body paints, so a stored choice never flashes the other theme.
 * Also applied inside `/embed/*` frames, where storage may be blocked (hence the try).
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
