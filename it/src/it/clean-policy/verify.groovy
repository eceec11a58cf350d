// The bundled examples: generate writes every expected artifact with a manifest that matches the
// directory; a second build is up to date, and a forced third one rewrites no file.
import java.nio.file.Files
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text.replace('\r\n', '\n')
def out = new File(basedir, 'isolation')
def servers = ['mcp-build-tools', 'mcp-docs-reader', 'mcp-fileserver', 'mcp-github', 'mcp-notes',
               'mcp-postgres-reports']

// Every example server has its artifacts in each Linux target (audit only where a policy asks for it); launchers and probes are executable.
servers.each { server ->
    ['systemd/' + server + '.service', 'systemd/' + server + '.sysusers.conf', 'netfilter/' + server + '.nft',
     'netfilter/' + server + '.iptables', 'bubblewrap/' + server + '.sh',
     'probe/' + server + '.sh'].each { path ->
        assert new File(out, path).isFile() : "missing ${path}"
    }
    assert Files.isExecutable(new File(out, 'probe/' + server + '.sh').toPath())
    assert Files.isExecutable(new File(out, 'bubblewrap/' + server + '.sh').toPath())
}

// The manifest lists exactly the files in the directory, each with its SHA-256, sorted.
def listed = new File(out, '.stockade-manifest').readLines().collect { line ->
    def (sha, path) = line.split('  ', 2)
    assert MessageDigest.getInstance('SHA-256').digest(new File(out, path).bytes).encodeHex().toString() == sha
    path
}
def onDisk = []
out.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    if (f.name != '.stockade-manifest') onDisk << out.toPath().relativize(f.toPath()).toString()
}
assert listed == listed.sort(false)
assert listed.sort(false) == onDisk.sort(false)

// First run: writes; second: one up-to-date line; third: a real run that writes nothing.
def runs = log.split(/Generating every target from /)
assert runs.size() == 3 : 'expected two real generate runs'
assert runs[1].contains('[INFO] Wrote isolation/systemd/mcp-github.service')
assert runs[1] =~ /Stockade artifacts in isolation: \d+ files written, 0 deleted, 0 unchanged/
assert runs[1].contains('[INFO] Stockade generate is up to date: 4 policy files, plugin version and configuration'
        + ' unchanged since the last successful run (last run: ')
assert !runs[2].contains('Wrote isolation/')
assert runs[2] =~ /Stockade artifacts in isolation: 0 files written, 0 deleted, ${listed.size() + 1} unchanged/
assert !log.contains('BUILD FAILURE')
assert new File(basedir, 'target/stockade/report.json').isFile()
return true
