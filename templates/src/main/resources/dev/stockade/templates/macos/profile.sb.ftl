<@lines each=v.header prefix=";; "/>
;; Label: ${v.label}
;;
;; A sandbox-exec profile: sandbox-exec -f THIS-FILE COMMAND [ARGS...]
;; Everything is denied unless a rule below allows it; when several rules match, the last one wins.
(version 1)
(deny default)
<#list v.sections as section>

<@lines each=section.comment prefix=";; "/>
<@lines each=section.rules/>
</#list>
