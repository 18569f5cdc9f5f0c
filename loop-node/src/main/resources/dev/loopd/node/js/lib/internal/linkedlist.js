'use strict';
// Node's lib/internal/linkedlist.js: circular doubly linked lists through _idleNext/_idlePrev.

function init(list) {
  list._idleNext = list;
  list._idlePrev = list;
  return list;
}

function peek(list) {
  if (list._idlePrev === list) return null;
  return list._idlePrev;
}

function remove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

function append(list, item) {
  if (item._idleNext || item._idlePrev) remove(item);
  // Items are linked with _idleNext -> _idlePrev -> _idleNext, newest at the head.
  item._idleNext = list._idleNext;
  list._idleNext._idlePrev = item;
  item._idlePrev = list;
  list._idleNext = item;
}

function isEmpty(list) {
  return list._idleNext === list;
}

module.exports = { init, peek, remove, append, isEmpty };
