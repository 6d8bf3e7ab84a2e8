// ceph.conf for the test cluster (scripts/rgw.ts). What makes it start in seconds on a small machine: paxos proposes
// every 10 ms, msgr2 only, one OSD on memstore (data in RAM), pools of size 1 with 8 PGs, quiet logs; RGW garbage
// collection every ~10 s so deleted objects leave memstore's RAM.
export function cephConfig(dir: string, rgwPort: number, monPort: number): string {
  return `[global]
fsid = ${crypto.randomUUID()}
mon host = [v2:127.0.0.1:${monPort}]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind ipv6 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = ${dir}/keyring
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
pid file = ${dir}/run/$name.pid
log file = ${dir}/log/$name.log
crash dir = ${dir}/crash
log to stderr = false
err to stderr = false
mon cluster log file = ${dir}/log/cluster.log
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 2
mon data avail crit = 1
mon warn on insecure global id reclaim = false
mon warn on insecure global id reclaim allowed = false
paxos propose interval = 0.01
paxos min wait = 0.01
osd crush initial weight = 1
rgw rados pool pg num min = 8
debug ms = 0
debug mon = 0
debug osd = 0
debug rgw = 0
debug auth = 0
debug monc = 0
debug paxos = 0

[mon]
mon data = ${dir}/mon/ceph-$id
mon initial members = a
mon osd auto mark in = true
mon osd auto mark new in = true

[osd]
osd data = ${dir}/osd/ceph-$id
osd objectstore = memstore
memstore device bytes = 4294967296
osd memory target = 939524096
osd op num shards = 2
osd op num threads per shard = 1

[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw data = ${dir}/rgw
rgw thread pool size = 64
rgw dns name = localhost
rgw enable usage log = false
rgw zone = default
rgw gc obj min wait = 10
rgw gc processor period = 10
rgw gc processor max time = 10
`;
}
