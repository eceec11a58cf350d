// The Stockade policy language, version 1 (see docs/language.md).
//
// The grammar is deliberately permissive about literals: every token that starts with a digit is
// one LITERAL, and every word is one IDENT, so that the model builder can say precisely what is
// wrong with "10mb" or "1h30m" or "Foo" instead of a generic token mismatch. Statements end at a
// newline or ';'; keywords are tokens, but the `name` rule accepts them wherever a name stands,
// so no keyword is reserved.
grammar Stockade;

policyFile : (topItem | sep)* EOF ;

topItem : versionDecl | serverDecl | unknownStmt ;

versionDecl : STOCKADE version ;

serverDecl : SERVER name NL* LBRACE serverBody RBRACE ;

serverBody : (serverStmt | sep)* ;

serverStmt
    : DESCRIPTION string                                   # descriptionStmt
    | COMMAND string+                                      # commandStmt
    | RUNTIME name                                         # runtimeStmt
    | USER name                                            # userStmt
    | GROUP name                                           # groupStmt
    | WORKDIR string                                       # workdirStmt
    | FILESYSTEM NL* LBRACE fsBody RBRACE                  # filesystemBlock
    | NETWORK NONE                                         # networkNoneStmt
    | NETWORK NL* LBRACE netBody RBRACE                    # networkBlock
    | SECRETS NL* LBRACE secretsBody RBRACE                # secretsBlock
    | LIMITS NL* LBRACE limitsBody RBRACE                  # limitsBlock
    | AUDIT NL* LBRACE auditBody RBRACE                    # auditBlock
    | KUBERNETES NL* LBRACE kubernetesBody RBRACE          # kubernetesBlock
    | COMPOSE NL* LBRACE composeBody RBRACE                # composeBlock
    | SYSTEMD NL* LBRACE systemdBody RBRACE                # systemdBlock
    | MACOS NL* LBRACE macosBody RBRACE                    # macosBlock
    | ACCEPT name BECAUSE string                           # acceptStmt
    | unknownStmt                                          # unknownServerStmt
    ;

fsBody : (fsStmt | sep)* ;

fsStmt
    : fsVerb string+                                       # fsGrantStmt
    | MAX_FILE_SIZE size                                   # maxFileSizeStmt
    | unknownStmt                                          # unknownFsStmt
    ;

fsVerb : READ | WRITE | APPEND | EXECUTE | DENY ;

netBody : (netStmt | sep)* ;

netStmt
    : ALLOW protocol address PORT ports                    # allowStmt
    | DENY address                                         # netDenyStmt
    | DNS address                                          # dnsStmt
    | LOOPBACK PORT ports                                  # loopbackStmt
    | unknownStmt                                          # unknownNetStmt
    ;

secretsBody : (secretsStmt | sep)* ;

secretsStmt
    : ENV name+                                            # envStmt
    | VAULT string (ROLE string)? (TTL duration)? NL* LBRACE vaultBody RBRACE  # vaultStmt
    | unknownStmt                                          # unknownSecretsStmt
    ;

vaultBody : (vaultField | sep)* ;

vaultField : name EQ (name | string) ;

limitsBody : (limitsStmt | sep)* ;

limitsStmt
    : TIMEOUT duration                                     # timeoutStmt
    | RETRIES count                                        # retriesStmt
    | MEMORY size                                          # memoryStmt
    | CPU percent                                          # cpuStmt
    | TASKS count                                          # tasksStmt
    | OPEN_FILES count                                     # openFilesStmt
    | unknownStmt                                          # unknownLimitsStmt
    ;

auditBody : (auditStmt | sep)* ;

auditStmt
    : LOG string                                           # logStmt
    | EVENTS name+                                         # eventsStmt
    | ROTATE size KEEP count                               # rotateStmt
    | unknownStmt                                          # unknownAuditStmt
    ;

kubernetesBody : (kubernetesStmt | sep)* ;

kubernetesStmt
    : NAMESPACE name                                       # namespaceStmt
    | IMAGE string                                         # kubernetesImageStmt
    | SERVICE_ACCOUNT name                                 # serviceAccountStmt
    | LABELS NL* LBRACE labelsBody RBRACE                  # labelsBlock
    | RUN_AS_USER count                                    # runAsUserStmt
    | RUN_AS_GROUP count                                   # runAsGroupStmt
    | VOLUME string name (name | string)                   # volumeStmt
    | unknownStmt                                          # unknownKubernetesStmt
    ;

labelsBody : (labelEntry | sep)* ;

labelEntry : (name | string) EQ string ;

composeBody : (composeStmt | sep)* ;

composeStmt
    : IMAGE string                                         # composeImageStmt
    | BUILD string                                         # buildStmt
    | MOUNT string AT string                               # mountStmt
    | unknownStmt                                          # unknownComposeStmt
    ;

systemdBody : (systemdStmt | sep)* ;

systemdStmt : UNIT_NAME name | unknownStmt ;

macosBody : (macosStmt | sep)* ;

macosStmt : LABEL string | unknownStmt ;

// Literals, each a rule of its own so that an error can say "expected a size", not a token name.
string   : STRING ;
version  : LITERAL ;
size     : LITERAL ;
duration : LITERAL ;
percent  : LITERAL ;
count    : LITERAL ;
// More than one literal is always an error (a space in the list), reported once by the model
// builder rather than as a stray literal after the statement.
ports    : LITERAL+ ;
protocol : name ;
address  : LITERAL | STRING ;

name
    : IDENT | LITERAL
    | STOCKADE | SERVER | DESCRIPTION | COMMAND | RUNTIME | USER | GROUP | WORKDIR
    | FILESYSTEM | READ | WRITE | APPEND | EXECUTE | DENY | MAX_FILE_SIZE
    | NETWORK | NONE | ALLOW | PORT | DNS | LOOPBACK
    | SECRETS | ENV | VAULT | ROLE | TTL
    | LIMITS | TIMEOUT | RETRIES | MEMORY | CPU | TASKS | OPEN_FILES
    | AUDIT | LOG | EVENTS | ROTATE | KEEP
    | KUBERNETES | NAMESPACE | IMAGE | SERVICE_ACCOUNT | LABELS | RUN_AS_USER | RUN_AS_GROUP | VOLUME
    | COMPOSE | BUILD | MOUNT | AT | SYSTEMD | UNIT_NAME | MACOS | LABEL
    | ACCEPT | BECAUSE
    ;

sep : NL | SEMI ;

// A statement that starts with a word no block knows: skipped to the end of the statement, so the
// model builder can say "unknown statement, did you mean ..." and parsing goes on undisturbed.
// A misspelled block (`filesytem { ... }`) is skipped with its body, so its braces cause no
// further errors.
unknownStmt : IDENT (~(NL | SEMI | LBRACE | RBRACE))* (NL* skippedBlock)? ;

skippedBlock : LBRACE (skippedBlock | ~(LBRACE | RBRACE))* RBRACE ;

// ---- lexer -------------------------------------------------------------------------------------

STOCKADE        : 'stockade' ;
SERVER          : 'server' ;
DESCRIPTION     : 'description' ;
COMMAND         : 'command' ;
RUNTIME         : 'runtime' ;
USER            : 'user' ;
GROUP           : 'group' ;
WORKDIR         : 'workdir' ;
FILESYSTEM      : 'filesystem' ;
READ            : 'read' ;
WRITE           : 'write' ;
APPEND          : 'append' ;
EXECUTE         : 'execute' ;
DENY            : 'deny' ;
MAX_FILE_SIZE   : 'max-file-size' ;
NETWORK         : 'network' ;
NONE            : 'none' ;
ALLOW           : 'allow' ;
PORT            : 'port' ;
DNS             : 'dns' ;
LOOPBACK        : 'loopback' ;
SECRETS         : 'secrets' ;
ENV             : 'env' ;
VAULT           : 'vault' ;
ROLE            : 'role' ;
TTL             : 'ttl' ;
LIMITS          : 'limits' ;
TIMEOUT         : 'timeout' ;
RETRIES         : 'retries' ;
MEMORY          : 'memory' ;
CPU             : 'cpu' ;
TASKS           : 'tasks' ;
OPEN_FILES      : 'open-files' ;
AUDIT           : 'audit' ;
LOG             : 'log' ;
EVENTS          : 'events' ;
ROTATE          : 'rotate' ;
KEEP            : 'keep' ;
KUBERNETES      : 'kubernetes' ;
NAMESPACE       : 'namespace' ;
IMAGE           : 'image' ;
SERVICE_ACCOUNT : 'service-account' ;
LABELS          : 'labels' ;
RUN_AS_USER     : 'run-as-user' ;
RUN_AS_GROUP    : 'run-as-group' ;
VOLUME          : 'volume' ;
COMPOSE         : 'compose' ;
BUILD           : 'build' ;
MOUNT           : 'mount' ;
AT              : 'at' ;
SYSTEMD         : 'systemd' ;
UNIT_NAME       : 'unit-name' ;
MACOS           : 'macos' ;
LABEL           : 'label' ;
ACCEPT          : 'accept' ;
BECAUSE         : 'because' ;

LBRACE : '{' ;
RBRACE : '}' ;
EQ     : '=' ;
SEMI   : ';' ;
NL     : '\r'? '\n' ;

// A string ends on its line; escapes are checked by the model builder, which knows their meaning.
STRING              : '"' (ESCAPE | ~["\\\r\n])* '"' ;
UNTERMINATED_STRING : '"' (ESCAPE | ~["\\\r\n])* '\\'? ;
fragment ESCAPE     : '\\' ~[\r\n] ;

// A '/' inside a literal (a CIDR) must be followed by another literal character, so that
// `port 443// https` still ends the literal before the comment.
LITERAL : [0-9] ([0-9A-Za-z_.,:%-] | '/' [0-9A-Za-z_.,:%-])* ;
IDENT   : [A-Za-z_] [A-Za-z0-9_.-]* ;

COMMENT : ('#' | '//') ~[\r\n]* -> skip ;
WS      : [ \t\f]+ -> skip ;
// A '\r' of a CRLF belongs to NL, also after trailing blanks, so that an end-of-line error points
// at the end of the line and not one column past it; any other '\r' is blank space.
CR      : '\r' -> skip ;

// Anything else is one bad character; the parser reports it and goes on.
BAD_CHAR : . ;
