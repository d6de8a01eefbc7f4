/// The phrase buckets behind `DemographicClassifier`. Every match is a guess about the
/// writer, so each rule keeps the words that triggered it as evidence.
enum DemographicRules {
    /// Roles a writer names for themselves ("as a designer", "I'm a PM"): role word -> tag.
    static let roles: [(words: [String], tag: String)] = [
        (["designer", "product designer", "ux designer", "ui designer", "ui/ux designer", "visual designer",
          "graphic designer", "ux researcher", "design lead", "interaction designer"], "Designer"),
        (["frontend dev", "frontend developer", "front-end developer", "front end developer", "frontend engineer",
          "front-end engineer", "react developer", "react dev", "web developer", "web dev", "ui engineer",
          "javascript developer", "fullstack dev", "full-stack developer", "full stack developer"], "Frontend Dev"),
        (["backend dev", "backend developer", "back-end developer", "backend engineer", "devops engineer",
          "data engineer", "sre"], "Backend Dev"),
        (["pm", "product manager", "product owner", "product lead", "program manager", "head of product"], "PM"),
        (["founder", "co-founder", "cofounder", "solo founder", "ceo of a startup", "indie hacker",
          "startup founder", "solopreneur"], "Founder"),
        (["student", "cs student", "design student", "college student", "grad student", "freshman", "sophomore",
          "bootcamp student", "phd student", "undergrad"], "Student"),
        (["marketer", "growth marketer", "marketing manager", "seo specialist", "copywriter"], "Marketer"),
    ]

    /// How writers introduce themselves before a role word.
    static let selfIntroductions = [
        "as a ", "as an ", "i'm a ", "i am a ", "im a ", "i'm an ", "i am an ", "i work as a ", "i work as an ",
        "speaking as a ", "speaking as the ", "as the ", "fellow ", "i'm the ", "i am the ", "i'm currently a ", "i'm just a ", "i am just a ",
    ]

    /// Phrases that point at a role without the writer naming it.
    static let keywords: [(phrases: [String], tag: String)] = [
        (["figma", "kerning", "my mockups", "my mockup", "dribbble", "design system i maintain", "my portfolio",
          "design critique", "my design team", "handoff to devs", "my wireframes"], "Designer"),
        (["tailwind", "jsx", "my react", "usestate", "useeffect", "css grid", "flexbox", "z-index", "my component",
          "devtools", "npm install", "vite", "next.js", "my pr ", "storybook", "border-radius"], "Frontend Dev"),
        (["postgres", "kubernetes", "microservices", "my api", "database migrations", "k8s", "on-call"], "Backend Dev"),
        (["roadmap", "stakeholders", "prd", "our users", "a/b test", "sprint planning", "my eng team", "okrs",
          "feature requests from customers", "prioritization"], "PM"),
        (["my startup", "our startup", "we raised", "bootstrapped", "our seed round", "yc batch", "my saas",
          "our mrr", "my cofounder", "my co-founder", "investors"], "Founder"),
        (["my professor", "class project", "homework", "this semester", "my thesis", "finals week", "my ta",
          "campus", "my dorm", "my capstone", "internship applications"], "Student"),
        (["conversion rate", "ctr", "landing page copy", "our campaign", "seo", "email open rate", "funnel"], "Marketer"),
    ]

    /// Generation slang; matched on word boundaries.
    static let slang: [(phrases: [String], tag: String)] = [
        (["no cap", "fr fr", "slay", "slaps", "bussin", "lowkey", "highkey", "it's giving", "its giving", "rizz",
          "delulu", "bestie", "periodt", "understood the assignment", "main character", "ate and left no crumbs",
          "vibe check", "skibidi", "sus", "npc", "mid af", "goated", "iykyk", "bffr", "ong"], "Gen Z"),
        (["adulting", "doggo", "on fleek", "squad goals", "the struggle is real", "i can't even", "yolo", "bae",
          "pupper", "millennial pink", "netflix and chill", "basic af", "totes", "i'm baby", "it me",
          "my 401k", "my mortgage"], "Millennial"),
        (["back in my day", "my kids are in college", "gen x", "latchkey", "walkman", "dial-up"], "Gen X"),
    ]

    /// Communities (lower-cased "r/sub" or "#tag") that suggest who is talking.
    static let communities: [String: String] = [
        "r/frontend": "Frontend Dev", "r/webdev": "Frontend Dev", "r/reactjs": "Frontend Dev", "r/css": "Frontend Dev",
        "r/tailwindcss": "Frontend Dev", "r/javascript": "Frontend Dev", "#frontend": "Frontend Dev",
        "#webdev": "Frontend Dev", "#reactjs": "Frontend Dev",
        "r/userexperience": "Designer", "r/ui_design": "Designer", "r/web_design": "Designer", "r/figmadesign": "Designer",
        "r/uxdesign": "Designer", "r/graphic_design": "Designer", "#uidesign": "Designer", "#uxdesign": "Designer",
        "#designer": "Designer", "#productdesign": "Designer",
        "r/productmanagement": "PM", "#productmanagement": "PM",
        "r/startups": "Founder", "r/entrepreneur": "Founder", "r/saas": "Founder", "r/indiehackers": "Founder",
        "#startup": "Founder", "#founder": "Founder",
        "r/college": "Student", "r/csmajors": "Student", "r/learnprogramming": "Student", "#studentlife": "Student",
        "r/genz": "Gen Z", "#genz": "Gen Z", "r/millennials": "Millennial", "#millennial": "Millennial",
        "r/genx": "Gen X", "r/marketing": "Marketer", "r/seo": "Marketer", "#marketing": "Marketer",
        "r/backend": "Backend Dev", "r/devops": "Backend Dev",
    ]

    /// Words between an introduction and a role that do not change who is speaking.
    static let roleModifiers: Set<String> = [
        "senior", "junior", "lead", "staff", "principal", "freelance", "former", "solo", "self-taught", "new",
        "first-time", "first", "time", "busy", "tired", "full-time", "part-time", "indie", "mid-level",
    ]
}
