/*
 * The Snowball runtime, ported line by line from snowballstemmer 3.1.1's basestemmer.py so that the
 * stemmers translated by tools/snowball_js.py behave exactly as the Python ones that built the index.
 * Strings are indexed by UTF-16 code units here and by code points in Python: the same thing for the
 * hub's words, because the search pipeline never lets a character outside the BMP reach a stemmer.
 * An among table row is [text, substring_i, result] (none of the vendored algorithms uses routines).
 *
 * Copyright (c) 2001, Dr Martin Porter
 * Copyright (c) 2004,2005, Richard Boulton
 * Copyright (c) 2013, Yoshiki Shibukawa
 * Copyright (c) 2006-2025, Olly Betts
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 *
 *   1. Redistributions of source code must retain the above copyright notice,
 *      this list of conditions and the following disclaimer.
 *   2. Redistributions in binary form must reproduce the above copyright notice,
 *      this list of conditions and the following disclaimer in the documentation
 *      and/or other materials provided with the distribution.
 *   3. Neither the name of the Snowball project nor the names of its contributors
 *      may be used to endorse or promote products derived from this software
 *      without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON
 * ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.HubSnowball = root.HubSnowball || {};
    root.HubSnowball.BaseStemmer = factory().BaseStemmer;
  }
})(typeof self !== "undefined" ? self : this, function () {
"use strict";

function check(condition) {
  // Python's generated code asserts these; a failure is a bug in the translation, never input.
  if (!condition) throw new Error("Snowball slice out of range");
}

class BaseStemmer {
  constructor() {
    this.setCurrent("");
  }

  setCurrent(value) {
    this.current = value;
    this.cursor = 0;
    this.limit = this.current.length;
    this.limit_backward = 0;
    this.bra = this.cursor;
    this.ket = this.limit;
  }

  getCurrent() {
    return this.current;
  }

  in_grouping(s) {
    if (this.cursor >= this.limit) return false;
    if (!s.includes(this.current[this.cursor])) return false;
    this.cursor += 1;
    return true;
  }

  go_in_grouping(s) {
    while (this.cursor < this.limit) {
      if (!s.includes(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  }

  in_grouping_b(s) {
    if (this.cursor <= this.limit_backward) return false;
    if (!s.includes(this.current[this.cursor - 1])) return false;
    this.cursor -= 1;
    return true;
  }

  go_in_grouping_b(s) {
    while (this.cursor > this.limit_backward) {
      if (!s.includes(this.current[this.cursor - 1])) return true;
      this.cursor -= 1;
    }
    return false;
  }

  out_grouping(s) {
    if (this.cursor >= this.limit) return false;
    if (!s.includes(this.current[this.cursor])) {
      this.cursor += 1;
      return true;
    }
    return false;
  }

  go_out_grouping(s) {
    while (this.cursor < this.limit) {
      if (s.includes(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  }

  out_grouping_b(s) {
    if (this.cursor <= this.limit_backward) return false;
    if (!s.includes(this.current[this.cursor - 1])) {
      this.cursor -= 1;
      return true;
    }
    return false;
  }

  go_out_grouping_b(s) {
    while (this.cursor > this.limit_backward) {
      if (s.includes(this.current[this.cursor - 1])) return true;
      this.cursor -= 1;
    }
    return false;
  }

  eq_s(s) {
    if (this.limit - this.cursor < s.length) return false;
    if (this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length;
    return true;
  }

  eq_s_b(s) {
    if (this.cursor - this.limit_backward < s.length) return false;
    if (this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  }

  find_among(v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit;
    var common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = common; i2 < w[0].length; i2++) {
        if (c + common === l) {
          diff = -1;
          break;
        }
        diff = this.current.charCodeAt(c + common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var row = v[i];
      if (common_i >= row[0].length) {
        this.cursor = c + row[0].length;
        return row[2];
      }
      i = row[1];
      if (i < 0) return 0;
    }
  }

  find_among_b(v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward;
    var common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = w[0].length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) {
          diff = -1;
          break;
        }
        diff = this.current.charCodeAt(c - 1 - common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var row = v[i];
      if (common_i >= row[0].length) {
        this.cursor = c - row[0].length;
        return row[2];
      }
      i = row[1];
      if (i < 0) return 0;
    }
  }

  replace_s(c_bra, c_ket, s) {
    var adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) {
      this.cursor += adjustment;
    } else if (this.cursor > c_bra) {
      this.cursor = c_bra;
    }
    return adjustment;
  }

  slice_check() {
    check(this.bra >= 0 && this.bra <= this.ket && this.ket <= this.limit && this.limit <= this.current.length);
  }

  slice_from(s) {
    this.slice_check();
    this.replace_s(this.bra, this.ket, s);
    this.ket = this.bra + s.length;
  }

  slice_del() {
    this.slice_from("");
  }

  insert(c_bra, c_ket, s) {
    var adjustment = this.replace_s(c_bra, c_ket, s);
    if (c_bra <= this.bra) this.bra += adjustment;
    if (c_bra <= this.ket) this.ket += adjustment;
  }

  slice_to() {
    this.slice_check();
    return this.current.slice(this.bra, this.ket);
  }

  stemWord(word) {
    this.setCurrent(word);
    this._stem();
    return this.getCurrent();
  }
}

return { BaseStemmer: BaseStemmer };
});
