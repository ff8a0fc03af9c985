-- ArgoCD's health of an Application, from its own status: what lets the root Application's sync
-- waves wait for a child Application (ArgoCD 1.8 removed this check from its defaults).
local hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil and obj.status.health ~= nil then
  hs.status = obj.status.health.status
  if obj.status.health.message ~= nil then
    hs.message = obj.status.health.message
  end
end
return hs
