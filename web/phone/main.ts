// The phone: the real companion, then the real settings page (it registers itself on import).
import "../../companion/index";
import "../../settings/index";
