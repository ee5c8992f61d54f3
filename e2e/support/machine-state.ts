/**
 * The rehearsal computer's state files that no installation owns, so uninstall leaves them: its Application log (a
 * record of the runs, which only grows) and its DPAPI machine key (made with the simulated computer, as Windows has one).
 */
export const MACHINE_OWN_STATE = ['eventlog.json', 'machine-key.json'];
