/** The marketplace: sessions, posts, matches, suggestions and the live board. */
import './enums.js';
import './suggestions.js';
import './session.js';
import './matches.js';
import './posts.js';
import './board.js';
