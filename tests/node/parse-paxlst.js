#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Check a PAXLST interchange with an independent parser, the npm package
// `edifact`, and print what it read as JSON. Used by the unit tests of the
// PAXLST writer (tests/unit/manifest/test_paxlst.c).
//
//   node parse-paxlst.js FILE
//
// Checks: the envelope is UNA? UNB UNG UNH ... UNT UNE UNZ, one message in
// one group; UNT counts the segments from UNH to UNT inclusive; UNT, UNE and
// UNZ repeat the references of UNH, UNG and UNB; BGM is 745; CNT+42 equals
// the number of passengers (NAD+FL); each NAD+FL is followed by ATT+2,
// DTM+329, any LOC+178/179 and NAT+2, then optionally DOC with its DTM+36
// and LOC+91. Exit status 0 with the summary on stdout, 1 with a sentence
// on stderr.
'use strict';

const fs = require('fs');
const Reader = require('edifact').Reader;

function fail(message) {
  process.stderr.write('parse-paxlst: ' + message + '\n');
  process.exit(1);
}

// The bytes as characters of the interchange's syntax level: levels A to C
// are single-byte (C is ISO 8859-1), Y is UTF-8.
function decode(bytes) {
  const head = bytes.toString('latin1', 0, 64);
  return /UNB\+UNOY/.test(head) ? bytes.toString('utf8') : bytes.toString('latin1');
}

function parse(text) {
  const reader = new Reader({ autoDetectEncoding: true });
  // The package's COM takes one element; PAXLST's has up to three.
  reader.define({ COM: { requires: 1, elements: ['C076', 'C076', 'C076'] } });
  try {
    return reader.parse(text);
  } catch (err) {
    fail('not a valid interchange: ' + err.message);
  }
}

// Element i, component j of a segment ('' when absent).
function value(seg, i, j) {
  const el = seg.elements[i];
  return (el && el[j || 0]) || '';
}

function expectName(segs, i, name) {
  if (!segs[i] || segs[i].name !== name)
    fail('segment ' + (i + 1) + ' is ' + (segs[i] ? segs[i].name : 'missing') +
         ', expected ' + name);
}

function checkEnvelope(segs) {
  expectName(segs, 0, 'UNB');
  expectName(segs, 1, 'UNG');
  expectName(segs, 2, 'UNH');
  const n = segs.length;
  expectName(segs, n - 3, 'UNT');
  expectName(segs, n - 2, 'UNE');
  expectName(segs, n - 1, 'UNZ');
  const unb = segs[0], ung = segs[1], unh = segs[2];
  const unt = segs[n - 3], une = segs[n - 2], unz = segs[n - 1];
  const inside = segs.slice(3, n - 3).filter(s => /^UN[A-Z]$/.test(s.name));
  if (inside.length)
    fail('service segment ' + inside[0].name + ' inside the message');
  const count = n - 2 - 2; // UNH..UNT: all but UNB, UNG, UNE, UNZ
  if (Number(value(unt, 0)) !== count)
    fail('UNT counts ' + value(unt, 0) + ' segments, the message has ' + count);
  if (value(unt, 1) !== value(unh, 0))
    fail('UNT reference ' + value(unt, 1) + ' is not UNH\'s ' + value(unh, 0));
  if (value(une, 1) !== value(ung, 4))
    fail('UNE reference ' + value(une, 1) + ' is not UNG\'s ' + value(ung, 4));
  if (value(unz, 1) !== value(unb, 4))
    fail('UNZ reference ' + value(unz, 1) + ' is not UNB\'s ' + value(unb, 4));
  if (value(une, 0) !== '1')
    fail('UNE counts ' + value(une, 0) + ' messages, the group has 1');
  if (value(unz, 0) !== '1')
    fail('UNZ counts ' + value(unz, 0) + ' groups, the interchange has 1');
  if (value(unh, 1, 0) !== 'PAXLST')
    fail('UNH message type is ' + value(unh, 1, 0) + ', not PAXLST');
  return { unb, ung, unh };
}

// The legs (group 2): TDT, then LOC/DTM pairs.
function readLegs(body) {
  const legs = [];
  let leg = null;
  for (const s of body) {
    if (s.name === 'TDT') {
      leg = { number: value(s, 1), carrier: value(s, 4) };
      legs.push(leg);
    } else if (leg && s.name === 'LOC' && ['125', '92'].includes(value(s, 0)) && !leg.from) {
      leg.from = value(s, 1);
      leg.from_qualifier = value(s, 0);
    } else if (leg && s.name === 'LOC' && ['87', '92'].includes(value(s, 0))) {
      leg.to = value(s, 1);
      leg.to_qualifier = value(s, 0);
    } else if (leg && s.name === 'DTM' && value(s, 0, 0) === '189') {
      leg.departs = value(s, 0, 1);
    } else if (leg && s.name === 'DTM' && value(s, 0, 0) === '232') {
      leg.arrives = value(s, 0, 1);
    } else if (s.name === 'NAD' && value(s, 0) === 'FL') {
      break;
    }
  }
  return legs;
}

// One passenger group: the segments from NAD+FL to the next NAD+FL or CNT.
function readPassenger(group) {
  const nad = group[0];
  const p = {
    surname: value(nad, 3, 0),
    given: value(nad, 3, 1),
  };
  let i = 1;
  const at = (name, qualifier) =>
    group[i] && group[i].name === name &&
    (qualifier === undefined || value(group[i], 0, 0) === qualifier);
  const need = (name, qualifier) => {
    if (!at(name, qualifier))
      fail('passenger ' + p.surname + ': expected ' + name +
           (qualifier ? '+' + qualifier : '') + ', found ' +
           (group[i] ? group[i].name + '+' + value(group[i], 0, 0) : 'the end of the group'));
    return group[i++];
  };
  p.sex = value(need('ATT', '2'), 2);
  p.birth = value(need('DTM', '329'), 0, 1);
  if (at('LOC', '178'))
    p.embark = value(group[i++], 1);
  if (at('LOC', '179'))
    p.debark = value(group[i++], 1);
  p.nationality = value(need('NAT', '2'), 1);
  if (at('DOC')) {
    const doc = group[i++];
    p.document = { type: value(doc, 0, 0), number: value(doc, 1) };
    if (at('DTM', '36'))
      p.document.expiry = value(group[i++], 0, 1);
    if (at('LOC', '91'))
      p.document.issuer = value(group[i++], 1);
  }
  if (i < group.length)
    fail('passenger ' + p.surname + ': unexpected ' + group[i].name + ' in the group');
  return p;
}

function main() {
  const file = process.argv[2];
  if (!file)
    fail('usage: parse-paxlst.js FILE');
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    fail('cannot read ' + file + ': ' + err.message);
  }
  const segs = parse(decode(bytes));
  const { unb, ung, unh } = checkEnvelope(segs);
  const body = segs.slice(3, segs.length - 3);

  if (!body[0] || body[0].name !== 'BGM' || value(body[0], 0) !== '745')
    fail('the message does not start with BGM+745');
  const cntAt = body.findIndex(s => s.name === 'CNT');
  if (cntAt < 0)
    fail('no CNT segment');
  const cnt = body[cntAt];
  if (value(cnt, 0, 0) !== '42')
    fail('CNT qualifier is ' + value(cnt, 0, 0) + ', not 42');
  if (cntAt !== body.length - 1)
    fail('CNT is not the last segment before UNT');

  const passengers = [];
  let group = null;
  for (const s of body.slice(0, cntAt)) {
    if (s.name === 'NAD' && value(s, 0) === 'FL') {
      if (group)
        passengers.push(readPassenger(group));
      group = [s];
    } else if (group) {
      group.push(s);
    }
  }
  if (group)
    passengers.push(readPassenger(group));
  if (Number(value(cnt, 0, 1)) !== passengers.length)
    fail('CNT+42 says ' + value(cnt, 0, 1) + ' passengers, the message has ' +
         passengers.length);

  const ms = body.find(s => s.name === 'NAD' && value(s, 0) === 'MS');
  const summary = {
    syntax: value(unb, 0, 0) + ':' + value(unb, 0, 1),
    sender: value(unb, 1),
    recipient: value(unb, 2),
    control: value(unb, 4),
    group: value(ung, 4),
    message: value(unh, 0),
    type: [0, 1, 2, 3, 4].map(j => value(unh, 1, j)).join(':'),
    segments: segs.length - 4,
    reporting_party: ms ? value(ms, 3, 0) : '',
    legs: readLegs(body),
    passengers,
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
}

main();
