import React, { useState } from "react";

export default function Accordion({ sections }) {
  const [openIndex, setOpenIndex] = useState(-1);
  return (
    <div className="divide-y rounded-lg border">
      {sections.map((section, i) => {
        const isOpen = i === openIndex;
        return (
          <React.Fragment key={section.title}>
            <button className="flex w-full justify-between p-4" onClick={() => setOpenIndex(isOpen ? -1 : i)}>
              {section.title}
              <span aria-hidden>{isOpen ? "−" : "+"}</span>
            </button>
            {isOpen && (
              <div className="p-4 text-gray-600">
                {/* Body may be a string or an element. */}
                {typeof section.body === "string" ? <p>{section.body}</p> : section.body}
              </div>
            )}
          </React.Fragment>
        );
      })}
    </div>
  );
}
