/** The localStorage key of the visitor's theme choice (`light` | `dark`); absent: follow the system. */
export const THEME_STORAGE_KEY = 'tokenboard-theme';

/**
 * The dark-mode toggle, as one inline script in `<head>` and no React at all (it would add client JS to
 * every page for one button):
 * - before the body paints, a stored choice becomes `<html data-theme>`, so the other theme never flashes;
 * - a click on `[data-theme-toggle]` (the header's button) flips the theme; choosing what the system
 *   already prefers forgets the choice, so the site follows the system again;
 * - the button's `aria-pressed` follows the effective theme: on load, on a click, when the system
 *   preference changes, and when another tab changes the choice.
 * Storage may be blocked (private windows, sandboxed frames): the choice then holds for the page only.
 */
export const THEME_BOOT_SCRIPT = `(function(){
var K=${JSON.stringify(THEME_STORAGE_KEY)},d=document.documentElement,m=matchMedia('(prefers-color-scheme: dark)');
function get(){try{var t=localStorage.getItem(K);return t==='light'||t==='dark'?t:null}catch(e){return null}}
function apply(t){if(t)d.dataset.theme=t;else delete d.dataset.theme}
function dark(){var t=d.dataset.theme;return t?t==='dark':m.matches}
function sync(){document.querySelectorAll('[data-theme-toggle]').forEach(function(b){b.setAttribute('aria-pressed',String(dark()))})}
apply(get());
document.addEventListener('click',function(e){
if(!(e.target instanceof Element)||!e.target.closest('[data-theme-toggle]'))return;
var want=!dark(),t=want===m.matches?null:(want?'dark':'light');
try{t?localStorage.setItem(K,t):localStorage.removeItem(K)}catch(x){}
apply(t);sync()});
m.addEventListener('change',sync);
addEventListener('storage',function(e){if(e.key===K){apply(get());sync()}});
if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',sync);else sync();
})()`;
