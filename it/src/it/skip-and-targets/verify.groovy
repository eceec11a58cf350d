// -Dstockade.skip does nothing; -Dstockade.targets=systemd,netfilter writes only those targets.
def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def out = new File(basedir, 'isolation')
def steps = log.split(/\[INFO\] Building skip-and-targets 1\.0/)
assert steps.size() == 4

assert steps[1].contains('[INFO] Stockade validation skipped (stockade.skip)')
assert steps[1].contains('[INFO] Stockade generate skipped (stockade.skip)')
assert steps[1].contains('[INFO] Stockade check skipped (stockade.skip)')
assert !steps[1].contains('Wrote ')
assert steps[1].contains('BUILD SUCCESS')

assert steps[2].contains('[INFO] Generating systemd, netfilter from 1 policy file in src/main/stockade into isolation')
def top = out.listFiles()*.name.sort()
assert top == ['.stockade-manifest', 'netfilter', 'systemd']
assert new File(out, 'systemd/mcp-notes.service').isFile()
assert new File(out, 'netfilter/mcp-notes.nft').isFile()

assert steps[3].contains('stockade.targets: unknown target "nosuchtarget"; the targets are ')
assert steps[3] =~ /the targets are [a-z, ]*netfilter[a-z, ]*systemd/
assert steps[3].contains('BUILD FAILURE')
assert !new File(basedir, 'target/stockade/report.json').isFile() || !steps[3].contains('Wrote ')
return true
