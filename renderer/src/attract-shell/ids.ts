/** The placeholder in renderer/index.html the core fills with the attract shell. */
export const SHELL_PLACEHOLDER = '<!--attract-shell-->';
/** The shell's element id: main.tsx finds the served shell by it. */
export const SHELL_ID = 'attract-shell';
