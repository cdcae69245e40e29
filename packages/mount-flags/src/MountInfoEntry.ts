/** One line of `/proc/<pid>/mountinfo` (proc(5)), decoded. */
export interface MountInfoEntry {
  /** Unique ID of the mount (field 1). */
  mountId: number;
  /** ID of the parent mount, or of itself at the top of the tree (field 2). */
  parentId: number;
  /** Device major number of `st_dev` (field 3). */
  major: number;
  /** Device minor number of `st_dev` (field 3). */
  minor: number;
  /** The directory of the filesystem that forms this mount's root, octal escapes decoded. */
  root: string;
  /** Where the mount is, relative to the reader's root, octal escapes decoded. */
  mountPoint: string;
  /** Per-mount options (`["rw", "nosuid", "relatime"]`). */
  mountOptions: string[];
  /** The optional fields as written (`["shared:5", "master:2"]`). */
  optionalFields: string[];
  /**
   * The propagation type derived from the optional fields: `shared` if there is a `shared:N`
   * (even if also a slave), `slave` if only `master:N`, `unbindable`, else `private`.
   */
  propagation: "shared" | "slave" | "private" | "unbindable";
  /** N of `shared:N`. */
  peerGroup?: number;
  /** N of `master:N`. */
  masterGroup?: number;
  /** N of `propagate_from:N`: the nearest dominant peer group visible to the reader. */
  propagateFrom?: number;
  /** The filesystem type, with its subtype (`fuse.sshfs`), octal escapes decoded. */
  fsType: string;
  /** The mount source (`/dev/sda1`, `tmpfs`, `none`), octal escapes decoded. */
  source: string;
  /** Superblock options (`["rw", "size=65536k"]`), each with octal escapes decoded. */
  superOptions: string[];
}
