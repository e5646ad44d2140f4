// The wire ids of the arena's replicated components and the order of their fields: the server numbers them
// in this order (io.tickwire.sample.arena.ArenaComponents); a test there pins the ids.
export const CLOCK = 0; // [epochMicros]
export const ROUND = 1; // [number, phase, msLeft]
export const POS = 2; // [x, y]
export const AVATAR = 3; // [player, aim, hp, kills, deaths, respawnMs]
export const VEL = 4; // [x, y]
export const SHOT = 5; // [owner]

export const ROUND_NUMBER = 0;
export const ROUND_PHASE = 1;
export const ROUND_MS_LEFT = 2;
export const PHASE_PLAYING = 0;
export const PHASE_RESULTS = 1;

export const AVATAR_PLAYER = 0;
export const AVATAR_AIM = 1;
export const AVATAR_HP = 2;
export const AVATAR_KILLS = 3;
export const AVATAR_DEATHS = 4;
export const AVATAR_RESPAWN_MS = 5;
