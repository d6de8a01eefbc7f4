try {} catch {}
