<#list v.header as line>
;; ${line}
</#list>
;; Label: ${v.label}
;;
;; A sandbox-exec profile: sandbox-exec -f THIS-FILE COMMAND [ARGS...]
;; Everything is denied unless a rule below allows it; when several rules match, the last one wins.
(version 1)
(deny default)
<#list v.sections as section>

<#list section.comment as line>
;; ${line}
</#list>
<#list section.rules as rule>
${rule}
</#list>
</#list>
