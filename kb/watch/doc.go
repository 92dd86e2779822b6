// Package watch picks up pack files edited outside Poise while it runs:
// My pack and every installed pack folder are watched (fsnotify), changes
// are gathered for a moment and reported per pack folder, and ReloadPack
// loads just that pack again, keeping the last good version of a file
// whose edit broke it, so search never loses what worked.
package watch
